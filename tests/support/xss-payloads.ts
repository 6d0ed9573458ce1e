/** Text a user might type that would be code if any output forgot to escape it. */
export const XSS_PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}}",
  "=cmd|' /C calc'!A0",
];
