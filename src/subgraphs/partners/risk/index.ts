/** DASH RIC and S-DASH: question sets as versioned data, and scoring. Framework-free. */
export * from "./question-sets";
export * from "./dash";
