export * from "./accounts";
export * from "./mail";
export * from "./invoicing";
export * from "./delivery";
export * from "./pdf-cache";
export * from "./reporting";
export * from "./online-payments";
export * from "./recurring";
