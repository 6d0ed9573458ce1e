/**
 * How an email row leaves the building. Three transports, chosen by configuration:
 * SendGrid's HTTP API (SENDGRID_API_KEY), any SMTP server (EMAIL_HOST), or none at all — the
 * development outbox, where the `emails` row itself is the message (listed at /dev/outbox).
 *
 * A transport only sends; it never touches the database. Every failure is thrown as either a
 * MailPermanentError (the provider refused this message: retrying cannot help) or a
 * MailRetryableError (the provider or network is unwell: try again later). Error messages are
 * short, safe to store in `emails.last_error`, and never contain credentials.
 */
import "server-only";
import { Client } from "@sendgrid/client";
import { MailService } from "@sendgrid/mail";
import nodemailer from "nodemailer";
import type { Email } from "@/db/schema/mail";
import { env } from "@/lib/env";
import { moduleLogger } from "@/lib/logger";

export type TransportName = "sendgrid" | "smtp" | "outbox";

export type MailTransport = {
  name: TransportName;
  /**
   * The sender address new rows get when queued through this transport. Optional so a test can
   * hand-roll `{ name, send }`; queueMail then falls back to the configured default.
   */
  from?: string;
  send(email: Email): Promise<{ providerMessageId: string | null }>;
};

export type SmtpConfig = {
  host: string;
  port: number;
  /** EMAIL_USE_TLS: require STARTTLS (ports other than 465; 465 is TLS from the first byte). */
  useTls: boolean;
  user?: string;
  password?: string;
};

export type TransportConfig = {
  /** Sender for new messages, e.g. `Smart Invoice <billing@example.com>`. */
  from: string;
  sendgridApiKey?: string;
  /** Another API base (SendGrid's EU host, or a fake server in tests). */
  sendgridApiUrl?: string;
  smtp?: SmtpConfig;
  /** Per request / per connection step. Default 10 s; tests pass something short. */
  timeoutMs?: number;
  /** Base URL used to log a clickable /dev/outbox link when a message is kept in the outbox. */
  appUrl?: string;
};

export const DEFAULT_FROM = "Smart Invoice <no-reply@localhost>";
const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_ERROR_LENGTH = 300;

const log = moduleLogger("mail");

export class MailPermanentError extends Error {
  readonly retryable = false;
  constructor(message: string) {
    super(safeMessage(message));
    this.name = "MailPermanentError";
  }
}

export class MailRetryableError extends Error {
  readonly retryable = true;
  constructor(message: string) {
    super(safeMessage(message));
    this.name = "MailRetryableError";
  }
}

/**
 * The request reached the provider but its answer did not come back (a timeout, a connection cut
 * mid-answer): the provider may have accepted the message. Sending again at once risks a second
 * copy; lib/mail waits for the event webhook's confirmation instead.
 */
export class MailUnconfirmedError extends Error {
  readonly retryable = true;
  constructor(message: string) {
    super(safeMessage(message));
    this.name = "MailUnconfirmedError";
  }
}

/** One line, bounded, with anything shaped like a credential removed. */
export function safeMessage(message: string): string {
  const oneLine = message
    .replace(/\s+/g, " ")
    .replace(/SG\.[\w.-]+/g, "[redacted]")
    .replace(/(Bearer|Basic)\s+\S+/gi, "$1 [redacted]")
    .replace(/\/\/[^/@\s:]+:[^/@\s]+@/g, "//[redacted]@")
    .trim();
  return oneLine.length > MAX_ERROR_LENGTH ? `${oneLine.slice(0, MAX_ERROR_LENGTH - 1)}…` : oneLine;
}

export function createTransport(config: TransportConfig): MailTransport {
  if (config.sendgridApiKey) return sendgridTransport(config, config.sendgridApiKey);
  if (config.smtp) return smtpTransport(config, config.smtp);
  return outboxTransport(config);
}

/** The configuration the environment describes (see .env.example). */
export function transportConfigFromEnv(): TransportConfig {
  const smtp: SmtpConfig | undefined = env.EMAIL_HOST
    ? {
        host: env.EMAIL_HOST,
        port: env.EMAIL_PORT,
        useTls: env.EMAIL_USE_TLS,
        user: env.EMAIL_HOST_USER,
        password: env.EMAIL_HOST_PASSWORD,
      }
    : undefined;
  // SMTP relays such as Gmail or Office 365 only accept mail from the account that logs in, so
  // when no sender is configured but the SMTP user is an address, that address is the sender.
  const smtpUserAddress = smtp?.user?.includes("@") ? smtp.user : undefined;
  const address = env.SENDGRID_FROM_EMAIL ?? smtpUserAddress;
  return {
    from: address ? `Smart Invoice <${address}>` : DEFAULT_FROM,
    sendgridApiKey: env.SENDGRID_API_KEY,
    sendgridApiUrl: env.SENDGRID_API_URL,
    smtp,
    appUrl: env.APP_URL,
  };
}

let fromEnv: MailTransport | undefined;

/** The transport the environment configures; built once, since the environment does not change. */
export function transportFromEnv(): MailTransport {
  return (fromEnv ??= createTransport(transportConfigFromEnv()));
}

// ---------------------------------------------------------------------------------------------
// SendGrid

function sendgridTransport(config: TransportConfig, apiKey: string): MailTransport {
  // A private MailService and Client, not the package's singletons: nothing else in the process
  // (or another test) can change this transport's key, base URL or timeout.
  const client = new Client();
  client.setApiKey(apiKey);
  // setApiKey resets the base URL to the key's region, so the override must come after it.
  if (config.sendgridApiUrl) client.setDefaultRequest("baseUrl", config.sendgridApiUrl.replace(/\/?$/, "/"));
  const service = new MailService();
  service.setClient(client);
  service.setTimeout(config.timeoutMs ?? DEFAULT_TIMEOUT_MS);

  return {
    name: "sendgrid",
    from: config.from,
    async send(email) {
      try {
        const [response] = await service.send({
          to: email.toAddress,
          from: email.fromAddress,
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
          ...(email.ccAddresses?.length ? { cc: email.ccAddresses } : {}),
          subject: email.subject,
          text: email.text,
          html: email.html,
          attachments: (email.attachments ?? []).map((a) => ({
            filename: a.filename,
            type: a.contentType,
            content: a.contentBase64,
            disposition: "attachment",
          })),
          // SendGrid has no idempotency header; the key rides along in custom_args so event
          // webhooks (and a human reading SendGrid's activity feed) can tie a message to its row.
          customArgs: { email_id: email.id, idempotency_key: email.idempotencyKey },
          // Password-reset and invitation links carry one-time tokens: they must not be rewritten
          // through SendGrid's click-tracking redirect (which also breaks the link for some mail
          // scanners that "click" it first).
          trackingSettings: { clickTracking: { enable: false, enableText: false } },
        });
        const header = (response.headers as Record<string, unknown>)["x-message-id"];
        return { providerMessageId: typeof header === "string" && header ? header : null };
      } catch (error) {
        throw classifySendgridError(error);
      }
    },
  };
}

type SendgridResponseError = { code: number; response?: { body?: unknown } };
type AxiosLikeError = { isAxiosError: true; code?: string; message?: string };

function classifySendgridError(error: unknown): Error {
  if (isSendgridResponseError(error)) {
    const status = error.code;
    const detail = sendgridErrorDetail(error.response?.body);
    const message = `SendGrid answered ${status}${detail ? `: ${detail}` : ""}`;
    // 429 is "slow down", 5xx is SendGrid's own trouble: both pass. Any other 4xx (bad address,
    // unverified sender, bad key) will be refused again, so retrying only delays the bad news.
    return status === 429 || status >= 500 ? new MailRetryableError(message) : new MailPermanentError(message);
  }
  if (isAxiosLike(error)) {
    // No response at all: refused connection, DNS, reset, or our own timeout. The raw axios error
    // carries the request config (with the Authorization header), so only its code is kept.
    const timedOut = error.code === "ECONNABORTED" || error.code === "ETIMEDOUT" || /timeout/i.test(error.message ?? "");
    // A timeout or a reset happens after the request may have been received: SendGrid may have the
    // message. A refused connection or a DNS failure means it never left.
    if (timedOut) return new MailUnconfirmedError("SendGrid did not answer in time");
    if (error.code === "ECONNRESET") return new MailUnconfirmedError("The connection to SendGrid was cut before its answer");
    return new MailRetryableError(`Could not reach SendGrid (${error.code ?? "network error"})`);
  }
  // Thrown by @sendgrid/helpers while building the request (for example a malformed address):
  // the same message will fail the same way next time.
  return new MailPermanentError(`SendGrid rejected the message before sending: ${errorMessage(error)}`);
}

function isSendgridResponseError(error: unknown): error is SendgridResponseError {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "number";
}

function isAxiosLike(error: unknown): error is AxiosLikeError {
  return typeof error === "object" && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true;
}

function sendgridErrorDetail(body: unknown): string | undefined {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return undefined;
  const messages = errors
    .map((e: unknown) => (typeof e === "object" && e !== null ? (e as { message?: unknown }).message : undefined))
    .filter((m): m is string => typeof m === "string");
  return messages.length ? messages.join("; ") : undefined;
}

// ---------------------------------------------------------------------------------------------
// SMTP

function smtpTransport(config: TransportConfig, smtp: SmtpConfig): MailTransport {
  const timeout = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const secure = smtp.port === 465;
  const transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    // 465 speaks TLS from the first byte; other ports upgrade with STARTTLS, which EMAIL_USE_TLS
    // makes mandatory (without it nodemailer still upgrades when the server offers it).
    secure,
    requireTLS: smtp.useTls && !secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? "" } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 3,
  });

  return {
    name: "smtp",
    from: config.from,
    async send(email) {
      try {
        const info = await transporter.sendMail({
          to: email.toAddress,
          from: email.fromAddress,
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
          ...(email.ccAddresses?.length ? { cc: email.ccAddresses } : {}),
          subject: email.subject,
          text: email.text,
          html: email.html,
          attachments: (email.attachments ?? []).map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.contentBase64,
            encoding: "base64",
          })),
          // A stable Message-ID: if a crash makes us send the row twice, receiving servers and
          // mail clients can recognise the copy.
          messageId: `<${email.id}@${domainOf(email.fromAddress)}>`,
        });
        return { providerMessageId: typeof info.messageId === "string" ? info.messageId : null };
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
  };
}

function domainOf(address: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(address);
  return match?.[1] ?? "localhost";
}

function classifySmtpError(error: unknown): Error {
  const e = (typeof error === "object" && error !== null ? error : {}) as {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
  };
  const code = typeof e.code === "string" ? e.code : undefined;
  if (typeof e.responseCode === "number") {
    const reply = typeof e.response === "string" ? e.response : errorMessage(error);
    const message = `SMTP server answered ${e.responseCode}: ${reply}`;
    // SMTP says it itself: 4xx replies are transient, 5xx are permanent.
    return e.responseCode >= 500 ? new MailPermanentError(message) : new MailRetryableError(message);
  }
  // Nodemailer refused to build the message or its envelope: it will refuse again.
  if (code === "EENVELOPE" || code === "EMESSAGE") return new MailPermanentError(`SMTP message rejected: ${errorMessage(error)}`);
  if (code === "ETIMEDOUT") return new MailRetryableError("SMTP server did not answer in time");
  return new MailRetryableError(`Could not reach the SMTP server (${code ?? errorMessage(error)})`);
}

// ---------------------------------------------------------------------------------------------
// Development outbox

function outboxTransport(config: TransportConfig): MailTransport {
  return {
    name: "outbox",
    from: config.from,
    async send(email) {
      // Nothing leaves the process: the row is the message. Say where to read it, and say loudly
      // when a production instance has nowhere to send mail.
      const url = config.appUrl ? `${config.appUrl}/dev/outbox/${email.id}` : undefined;
      if (env.isProduction) {
        log.warn({ emailId: email.id, kind: email.kind }, "no email transport configured (set SENDGRID_API_KEY or EMAIL_HOST): message kept in the outbox only");
      } else {
        log.info({ emailId: email.id, kind: email.kind, url }, "email kept in the development outbox");
      }
      return { providerMessageId: null };
    },
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
