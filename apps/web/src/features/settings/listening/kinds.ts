import type { ListeningKind } from "@parley/contracts";

export const KIND_META: Record<ListeningKind, { label: string; color: string; hint: string }> = {
  brand: { label: "Brand", color: "blue", hint: "Your brand's names and handles" },
  product: { label: "Product", color: "grape", hint: "Product and service names" },
  competitor: { label: "Competitor", color: "orange", hint: "Competitors people compare you with" },
  care: { label: "Care", color: "teal", hint: "Phrases of people who need help, with your brand words" },
};

export const KIND_OPTIONS = (Object.keys(KIND_META) as ListeningKind[]).map((value) => ({
  value,
  label: KIND_META[value].label,
}));
