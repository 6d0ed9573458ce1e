/**
 * The Schematron compiler on a schema made for it: each pattern checks a node with its first
 * matching rule only; lets at schema, pattern and rule level; assert and report; the message's
 * name and value-of; included patterns; xsl:function; flags and ids in the SVRL.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runSchematron } from "../validate";
import { compileSchematron } from "../xrechnung";

const dir = mkdtempSync(path.join(tmpdir(), "sch2xslt-"));
writeFileSync(
  path.join(dir, "included.sch"),
  `<pattern xmlns="http://purl.oclc.org/dsdl/schematron" id="included">
     <let name="limit" value="100"/>
   </pattern>`,
);
const schema = path.join(dir, "test.sch");
writeFileSync(
  schema,
  `<schema xmlns="http://purl.oclc.org/dsdl/schematron" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:u="utils" queryBinding="xslt2">
     <ns prefix="o" uri="urn:test:order"/>
     <xsl:function name="u:double" as="xs:decimal"><xsl:param name="n"/><xsl:sequence select="2 * xs:decimal($n)"/></xsl:function>
     <include href="included.sch"/>
     <pattern id="items">
       <rule context="o:item[@kind = 'gift']">
         <assert test="@price = 0" id="GIFT-FREE" flag="warning">A gift costs nothing, not <value-of select="@price"/>.</assert>
       </rule>
       <rule context="o:item">
         <let name="max" value="$limit"/>
         <assert test="xs:decimal(@price) le $max" id="PRICE-MAX">Item <value-of select="@id"/> in <name/> costs over <value-of select="$max"/>.</assert>
       </rule>
     </pattern>
     <pattern id="order">
       <rule context="/o:order">
         <report test="u:double(sum(o:item/@price)) gt 600" id="ORDER-BIG">Twice the order is <value-of select="u:double(sum(o:item/@price))"/>.</report>
       </rule>
     </pattern>
   </schema>`,
);

const order = (items: string) => `<order xmlns="urn:test:order">${items}</order>`;

describe("sch2xslt", () => {
  let xslt = "";
  beforeAll(async () => {
    xslt = await compileSchematron(schema, path.join(dir, "cache"), [path.join(dir, "included.sch")]);
  });
  const run = (xml: string) => runSchematron(xslt, xml);

  it("passes a document that meets every rule", async () => {
    expect(await run(order('<item id="a" price="10"/><item id="b" kind="gift" price="0"/>'))).toEqual([]);
  });

  it("checks a node with the first matching rule of the pattern only", async () => {
    // The gift at 150 fails the gift rule; the general price rule (which it would also fail) is not applied to it.
    const findings = await run(order('<item id="g" kind="gift" price="150"/>'));
    expect(findings).toEqual([{ id: "GIFT-FREE", flag: "warning", text: "A gift costs nothing, not 150.", location: expect.stringContaining("item[1]") }]);
  });

  it("binds lets, names the context node and fires reports", async () => {
    const findings = await run(order('<item id="x" price="120"/><item id="y" price="40"/><item id="z" price="101"/>'));
    expect(findings.map((f) => [f.id, f.flag, f.text])).toEqual([
      ["PRICE-MAX", "fatal", "Item x in item costs over 100."],
      ["PRICE-MAX", "fatal", "Item z in item costs over 100."],
    ]);
    // 4 × 80 = 320, twice 640 > 600: the report fires (and no item is over 100).
    const big = await run(order('<item id="a" price="80"/><item id="b" price="80"/><item id="c" price="80"/><item id="d" price="80"/>'));
    expect(big.map((f) => [f.id, f.flag, f.text])).toEqual([["ORDER-BIG", "fatal", "Twice the order is 640."]]);
  });
});
