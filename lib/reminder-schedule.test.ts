import { describe, expect, it } from "vitest";
import { describeStep, nextReminder, reminderSettingsSchema, stepsSchema } from "./reminder-schedule";

const due = "2026-05-20";
const steps = [-3, 0, 7, 14, 30];

describe("nextReminder", () => {
  it("is the first step when none has passed", () => {
    expect(nextReminder({ dueDate: due, steps, sent: [], today: "2026-05-01" })).toEqual({ step: -3, date: "2026-05-17" });
  });
  it("is today when the step due today has not gone yet (the job's next run sends it)", () => {
    expect(nextReminder({ dueDate: due, steps, sent: [-3], today: "2026-05-20" })).toEqual({ step: 0, date: "2026-05-20" });
    // A missed day: 22 May, step 0 never sent: it goes today, not on 20 May.
    expect(nextReminder({ dueDate: due, steps, sent: [-3], today: "2026-05-22" })).toEqual({ step: 0, date: "2026-05-22" });
  });
  it("is the next step's date once the current one has gone", () => {
    expect(nextReminder({ dueDate: due, steps, sent: [-3, 0], today: "2026-05-22" })).toEqual({ step: 7, date: "2026-05-27" });
  });
  it("skips a later step already sent with 'Send now'", () => {
    expect(nextReminder({ dueDate: due, steps, sent: [-3, 0, 7], today: "2026-05-21" })).toEqual({ step: 14, date: "2026-06-03" });
  });
  it("waits until the day after a promise to pay", () => {
    expect(nextReminder({ dueDate: due, steps, sent: [-3, 0], today: "2026-05-22", promisedOn: "2026-05-29" })).toEqual({ step: 7, date: "2026-05-30" });
    // A promise already past changes nothing.
    expect(nextReminder({ dueDate: due, steps, sent: [-3, 0], today: "2026-05-22", promisedOn: "2026-05-01" })).toEqual({ step: 7, date: "2026-05-27" });
  });
  it("is null when every step has gone", () => {
    expect(nextReminder({ dueDate: due, steps, sent: steps, today: "2026-07-01" })).toBeNull();
    expect(nextReminder({ dueDate: due, steps: [], sent: [], today: "2026-05-01" })).toBeNull();
  });
});

describe("steps as typed", () => {
  it("reads commas, spaces and a typographic minus, sorted without repeats", () => {
    expect(stepsSchema.parse("7, −3 0,7  14")).toEqual([-3, 0, 7, 14]);
    expect(stepsSchema.parse("")).toEqual([]);
  });
  it("refuses what is not whole days, or out of range, in plain words", () => {
    expect(stepsSchema.safeParse("1.5").error?.issues[0]?.message).toBe("Enter whole numbers of days separated by commas, like -3, 0, 7.");
    expect(stepsSchema.safeParse("three").error?.issues[0]?.message).toBe("Enter whole numbers of days separated by commas, like -3, 0, 7.");
    expect(stepsSchema.safeParse("-31").error?.issues[0]?.message).toBe("Use steps from -30 (a month before the due date) to 365 (a year after).");
    expect(stepsSchema.safeParse("1,2,3,4,5,6,7,8,9,10,11").error?.issues[0]?.message).toBe("Use at most 10 steps.");
  });
  it("needs a step when reminders are on", () => {
    expect(reminderSettingsSchema.safeParse({ enabled: true, steps: " " }).error?.issues[0]).toMatchObject({ path: ["steps"], message: "Add at least one step, or turn reminders off." });
    expect(reminderSettingsSchema.parse({ enabled: false, steps: "" })).toEqual({ enabled: false, steps: [] });
  });
});

describe("describeStep", () => {
  it("says it in words", () => {
    expect(describeStep(-3)).toBe("3 days before the due date");
    expect(describeStep(-1)).toBe("1 day before the due date");
    expect(describeStep(0)).toBe("On the due date");
    expect(describeStep(14)).toBe("14 days after the due date");
  });
});
