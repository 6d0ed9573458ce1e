/** Password lengths, without the schema: the forms' native minLength/maxLength read these in the browser. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
