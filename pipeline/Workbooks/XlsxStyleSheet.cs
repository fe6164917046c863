using System.Globalization;
using System.Text;

namespace SharedServicesPipeline.Pipeline.Workbooks;

/// <summary>
/// The one style sheet (<c>xl/styles.xml</c>) of every workbook <see cref="XlsxStreamWriter"/> writes: a cell format
/// for each <see cref="XlsxStyle"/>, in its order. Fixed, so that a sheet can be rendered before the workbook exists.
/// </summary>
internal static class XlsxStyleSheet
{
    // Fonts: normal, bold, bold 16, bold 13, italic, bold 14.
    private const int Bold = 1, Bold16 = 2, Bold13 = 3, Italic = 4, Bold14 = 5;

    // Fills 0 and 1 are the two every style sheet starts with (none, gray125); then the report's: header, error, warning.
    private const int HeaderFill = 2, ErrorFill = 3, WarningFill = 4;

    // Number formats: 3 is Excel's own #,##0; 164 date, 165 money, 166 date and time.
    private const int Count = 3, Date = 164, Money = 165, DateAndTime = 166;

    private readonly record struct CellFormat(XlsxStyle Style, int Font = 0, int Fill = 0, int NumberFormat = 0, bool Left = false, bool Wrap = false, bool Quoted = false);

    private static readonly CellFormat[] Formats =
    [
        new(XlsxStyle.Normal),
        new(XlsxStyle.Bold, Font: Bold),
        new(XlsxStyle.Title, Font: Bold16),
        new(XlsxStyle.Heading, Font: Bold13),
        new(XlsxStyle.Italic, Font: Italic),
        new(XlsxStyle.Date, NumberFormat: Date),
        new(XlsxStyle.Money, NumberFormat: Money),
        new(XlsxStyle.Wrap, Wrap: true),
        new(XlsxStyle.CountLeft, NumberFormat: Count, Left: true),
        new(XlsxStyle.MoneyLeft, NumberFormat: Money, Left: true),
        new(XlsxStyle.DateTimeLeft, NumberFormat: DateAndTime, Left: true),
        new(XlsxStyle.TextLeft, Left: true),
        new(XlsxStyle.ReportTitle, Font: Bold14),
        new(XlsxStyle.Quoted, Quoted: true),
        new(XlsxStyle.DateTime, NumberFormat: DateAndTime),
        new(XlsxStyle.TextLeftQuoted, Left: true, Quoted: true),
        new(XlsxStyle.WrapQuoted, Wrap: true, Quoted: true),
        new(XlsxStyle.Header, Font: Bold, Fill: HeaderFill),
        new(XlsxStyle.HeaderQuoted, Font: Bold, Fill: HeaderFill, Quoted: true),
        new(XlsxStyle.HeaderWrap, Font: Bold, Fill: HeaderFill, Wrap: true),
        new(XlsxStyle.HeaderWrapQuoted, Font: Bold, Fill: HeaderFill, Wrap: true, Quoted: true),
        new(XlsxStyle.TextLeftWrap, Left: true, Wrap: true),
        new(XlsxStyle.TextLeftWrapQuoted, Left: true, Wrap: true, Quoted: true),
        new(XlsxStyle.Error, Fill: ErrorFill),
        new(XlsxStyle.ErrorQuoted, Fill: ErrorFill, Quoted: true),
        new(XlsxStyle.ErrorDate, Fill: ErrorFill, NumberFormat: Date),
        new(XlsxStyle.ErrorDateTime, Fill: ErrorFill, NumberFormat: DateAndTime),
        new(XlsxStyle.ErrorWrap, Fill: ErrorFill, Wrap: true),
        new(XlsxStyle.ErrorWrapQuoted, Fill: ErrorFill, Wrap: true, Quoted: true),
        new(XlsxStyle.Warning, Fill: WarningFill),
        new(XlsxStyle.WarningQuoted, Fill: WarningFill, Quoted: true),
        new(XlsxStyle.WarningDate, Fill: WarningFill, NumberFormat: Date),
        new(XlsxStyle.WarningDateTime, Fill: WarningFill, NumberFormat: DateAndTime),
        new(XlsxStyle.WarningWrap, Fill: WarningFill, Wrap: true),
        new(XlsxStyle.WarningWrapQuoted, Fill: WarningFill, Wrap: true, Quoted: true),
    ];

    /// <summary>The style sheet's XML.</summary>
    public static readonly string Xml = Render();

    private static string Render()
    {
        var xfs = new StringBuilder();
        for (var i = 0; i < Formats.Length; i++)
        {
            var f = Formats[i];
            if ((int)f.Style != i)
            {
                throw new InvalidOperationException($"The style sheet lists {f.Style} at {i}: it must follow XlsxStyle's order.");
            }

            xfs.Append(CultureInfo.InvariantCulture, $"""<xf numFmtId="{f.NumberFormat}" fontId="{f.Font}" fillId="{f.Fill}" borderId="0" xfId="0"{(f.NumberFormat != 0 ? " applyNumberFormat=\"1\"" : "")}{(f.Font != 0 ? " applyFont=\"1\"" : "")}{(f.Fill != 0 ? " applyFill=\"1\"" : "")}{(f.Left || f.Wrap ? " applyAlignment=\"1\"" : "")}{(f.Quoted ? " quotePrefix=\"1\"" : "")}""");
            xfs.Append(f.Left || f.Wrap
                ? $"""><alignment{(f.Left ? " horizontal=\"left\"" : "")}{(f.Wrap ? " wrapText=\"1\"" : "")}/></xf>"""
                : "/>");
        }

        return $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{XlsxStreamWriter.MainNs}"><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;£&quot;#,##0;\-&quot;£&quot;#,##0"/><numFmt numFmtId="166" formatCode="dd/mm/yyyy hh:mm"/></numFmts><fonts count="6"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="16"/><name val="Calibri"/></font><font><b/><sz val="13"/><name val="Calibri"/></font><font><i/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font></fonts><fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>{Solid("FFDDEBF7")}{Solid("FFFFC7CE")}{Solid("FFFFEB9C")}</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="{Formats.Length}">{xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";
    }

    private static string Solid(string argb) => $"""<fill><patternFill patternType="solid"><fgColor rgb="{argb}"/><bgColor indexed="64"/></patternFill></fill>""";
}
