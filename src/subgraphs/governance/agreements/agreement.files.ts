import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { OrganisationCode } from "../../../platform/domain";
import { Purpose } from "../../../platform/principal";
import { DataCategory } from "../../../policy/categories";
import { Agreement, LawfulBasis } from "../../../policy/decide";

/** Data-sharing agreements are data under version control: one file per agreement version, `<id>.v<version>.json`. */
export const AGREEMENTS_DIR = join(__dirname, "data");

const fileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().positive(),
  title: z.string().min(1),
  holder: z.nativeEnum(OrganisationCode),
  recipients: z.array(z.nativeEnum(OrganisationCode)).min(1),
  categories: z.array(z.nativeEnum(DataCategory)),
  purposes: z.array(z.nativeEnum(Purpose)).min(1),
  lawfulBasis: z.nativeEnum(LawfulBasis),
  requiresConsent: z.boolean(),
  startsOn: z.string().date(),
  endsOn: z.string().date().nullable(),
  /** The law or guidance the sharing rests on, for the reader. */
  basis: z.string().min(1),
});

export type AgreementFile = Agreement & { title: string; sourceFile: string };

/** Reads and validates every agreement file; a bad file stops the load with its name and the problem. */
export function readAgreementFiles(dir: string = AGREEMENTS_DIR): AgreementFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(join(dir, file), "utf8")));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      const a = parsed.data;
      if (file !== `${a.id}.v${a.version}.json`) throw new Error(`${file}: must be named ${a.id}.v${a.version}.json`);
      if (a.lawfulBasis === LawfulBasis.CONSENT && !a.requiresConsent) throw new Error(`${file}: a consent-based agreement must require consent`);
      return {
        id: a.id,
        version: a.version,
        title: a.title,
        holder: a.holder,
        recipients: a.recipients,
        categories: a.categories,
        purposes: a.purposes,
        lawfulBasis: a.lawfulBasis,
        requiresConsent: a.requiresConsent,
        startsOn: new Date(`${a.startsOn}T00:00:00Z`),
        endsOn: a.endsOn ? new Date(`${a.endsOn}T00:00:00Z`) : null,
        sourceFile: file,
      };
    });
}
