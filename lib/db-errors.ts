/** Turns a driver error into one line an operator can act on (never shown to browser users). */
export function describeDbError(error: unknown): string {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e?.code ?? e?.cause?.code;
  switch (code) {
    case "ECONNREFUSED":
      return "the database refused the connection (is it running, and is the host and port in DATABASE_URL right?)";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the database host in DATABASE_URL could not be resolved";
    case "CONNECT_TIMEOUT":
    case "ETIMEDOUT":
      return "the database did not answer in time";
    case "28P01":
    case "28000":
      return "the database rejected the user name or password in DATABASE_URL";
    case "3D000":
      return "the database named in DATABASE_URL does not exist";
    default:
      return e?.message ?? e?.cause?.message ?? String(error);
  }
}
