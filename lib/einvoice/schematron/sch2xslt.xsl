<?xml version="1.0" encoding="UTF-8"?>
<!--
  Compiles an ISO Schematron schema (queryBinding xslt2, as KoSIT's XRechnung rules are published)
  into an XSLT 3.0 stylesheet whose output is an SVRL report, so lib/einvoice/validate.ts runs it
  like the CEN stylesheets. Covers what those schemas use: ns, include (of a pattern), phase (all
  patterns are active: no defaultPhase is set), let at schema / pattern / rule level, rule with
  first-match-wins per pattern, assert and report (with id, flag, name and value-of in the text),
  and xsl:function elements copied as they are. Abstract patterns and rules are refused.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:axsl="http://www.w3.org/1999/XSL/TransformAlias"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  xmlns:svrl="http://purl.oclc.org/dsdl/svrl"
  exclude-result-prefixes="sch">

  <xsl:namespace-alias stylesheet-prefix="axsl" result-prefix="xsl"/>
  <xsl:output method="xml" indent="yes"/>

  <xsl:template match="/sch:schema">
    <xsl:if test="//sch:pattern[@abstract = 'true'] | //sch:rule[@abstract = 'true'] | //sch:extends">
      <xsl:message terminate="yes">sch2xslt: abstract patterns and rules are not supported</xsl:message>
    </xsl:if>
    <xsl:variable name="patterns" select="sch:pattern | sch:include/document(@href, .)/sch:pattern"/>
    <axsl:stylesheet version="3.0">
      <!-- Schemas use xs: (casts such as xs:decimal) without always declaring it, as the Schematron skeletons predeclare it. -->
      <xsl:namespace name="xs" select="'http://www.w3.org/2001/XMLSchema'"/>
      <xsl:for-each select="sch:ns">
        <xsl:namespace name="{@prefix}" select="string(@uri)"/>
      </xsl:for-each>
      <xsl:copy-of select="namespace::*[name() != '' and name() != 'xml']"/>
      <xsl:copy-of select="xsl:function"/>
      <axsl:output method="xml"/>
      <!-- Schema and pattern lets are global variables, as in the reference implementations. -->
      <xsl:for-each select="sch:let | $patterns/sch:let">
        <axsl:variable name="{@name}" select="{@value}"/>
      </xsl:for-each>
      <axsl:template match="/">
        <svrl:schematron-output>
          <xsl:for-each select="$patterns">
            <axsl:apply-templates select="/" mode="M{position()}"/>
          </xsl:for-each>
        </svrl:schematron-output>
      </axsl:template>
      <xsl:for-each select="$patterns">
        <xsl:variable name="mode" select="concat('M', position())"/>
        <xsl:for-each select="sch:rule">
          <!-- A node is checked by the first rule of the pattern whose context it matches. -->
          <axsl:template match="{@context}" priority="{1000 - position()}" mode="{$mode}">
            <xsl:for-each select="sch:let">
              <axsl:variable name="{@name}" select="{@value}"/>
            </xsl:for-each>
            <xsl:apply-templates select="sch:assert | sch:report"/>
            <axsl:apply-templates select="@*|node()" mode="{$mode}"/>
          </axsl:template>
        </xsl:for-each>
        <axsl:template match="text()" priority="-1" mode="{$mode}"/>
        <axsl:template match="@*|node()" priority="-2" mode="{$mode}">
          <axsl:apply-templates select="@*|node()" mode="{$mode}"/>
        </axsl:template>
      </xsl:for-each>
    </axsl:stylesheet>
  </xsl:template>

  <xsl:template match="sch:assert">
    <axsl:choose>
      <axsl:when test="{@test}"/>
      <axsl:otherwise>
        <xsl:call-template name="finding"><xsl:with-param name="element" select="'failed-assert'"/></xsl:call-template>
      </axsl:otherwise>
    </axsl:choose>
  </xsl:template>

  <xsl:template match="sch:report">
    <axsl:if test="{@test}">
      <xsl:call-template name="finding"><xsl:with-param name="element" select="'successful-report'"/></xsl:call-template>
    </axsl:if>
  </xsl:template>

  <xsl:template name="finding">
    <xsl:param name="element"/>
    <xsl:element name="svrl:{$element}" namespace="http://purl.oclc.org/dsdl/svrl">
      <xsl:if test="@id"><xsl:attribute name="id" select="@id"/></xsl:if>
      <xsl:if test="@flag"><xsl:attribute name="flag" select="@flag"/></xsl:if>
      <axsl:attribute name="location" select="path()"/>
      <svrl:text><xsl:apply-templates select="node()" mode="text"/></svrl:text>
    </xsl:element>
  </xsl:template>

  <xsl:template match="text()" mode="text"><axsl:text><xsl:value-of select="."/></axsl:text></xsl:template>
  <xsl:template match="sch:name" mode="text"><axsl:value-of select="name({(@path, '.')[1]})"/></xsl:template>
  <xsl:template match="sch:value-of" mode="text"><axsl:value-of select="{@select}"/></xsl:template>
  <xsl:template match="*" mode="text"><xsl:apply-templates select="node()" mode="text"/></xsl:template>
</xsl:stylesheet>
