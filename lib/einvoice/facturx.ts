// Placeholder until helper C's branch is merged.
export async function toFacturX(_pdf: Uint8Array, _ciiXml: string, _meta: { title: string; author: string; subject?: string; createdAt: Date }): Promise<Uint8Array> {
  throw new Error("toFacturX: not merged yet");
}
