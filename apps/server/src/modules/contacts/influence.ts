/** 0-100 from reach: each tenfold of followers adds 15, verification 10. */
export function influenceOf(followers: number | null, verified: boolean): number {
  const reach = followers && followers > 0 ? Math.log10(followers + 1) * 15 : 0;
  return Math.min(100, Math.round(reach + (verified ? 10 : 0)));
}
