import { describe, expect, it } from "vitest";
import { escapeLike } from "./like";

describe("escapeLike", () => {
  it("escapes the LIKE wildcards and the escape character", () => {
    expect(escapeLike("50%_off\\x")).toBe("50\\%\\_off\\\\x");
  });

  it("leaves ordinary text, accents and quotes alone", () => {
    expect(escapeLike("Zoë's Café")).toBe("Zoë's Café");
  });
});
