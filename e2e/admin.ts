/**
 * The platform administrator scripts/e2e-server.ts creates (npm run create-admin) before the server
 * starts: in production /dev/outbox opens only to a platform administrator (issue 13).
 */
export const E2E_ADMIN = { email: "outbox-admin@example.com", password: "e2e outbox administrator passphrase" } as const;
