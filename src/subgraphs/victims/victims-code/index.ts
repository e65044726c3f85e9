/** The Victims' Code timeliness engine: rule data, working days, assessment. Framework-free. */
export * from "./bank-holidays";
export * from "./rules";
export * from "./working-days";
export * from "./engine";
export * from "./enhanced-rights";
