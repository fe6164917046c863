using System.Security.Cryptography;
using System.Text;
using ClosedXML.Excel;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Reference;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Publishing;

/// <summary>
/// The blank submission workbook, generated from what the reader and validator accept: the template's columns
/// (<see cref="TemplateColumns"/>) with their descriptions as header notes and on a Guidance sheet with the other headers
/// each is known by (<see cref="HeaderSynonyms"/>); drop-down lists of the service areas, statuses, governance and
/// delivery models the validator knows, and of the councils for the lead authority; worked examples on their own sheet.
/// The reader skips the Guidance, Examples and Lists sheets. Written with ClosedXML without System.Drawing (widths set).
/// </summary>
public static class SubmissionTemplate
{
    public const string FileName = "submission-template.xlsx";
    public const string DataSheet = "Arrangements";
    public const string GuidanceSheet = "Guidance";
    public const string ExamplesSheet = "Examples";
    public const string ListsSheet = "Lists";

    /// <summary>Rows of the Arrangements sheet that carry the drop-down lists.</summary>
    public const int ListedRows = 2_000;

    private const int Major = 1;

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");

    /// <summary>The lists, by the column they feed, in the order of the Lists sheet.</summary>
    public static IReadOnlyList<(TemplateColumn Column, IReadOnlyList<string> Values)> Lists(AuthorityRegister register, ServiceAreaTaxonomy taxonomy) =>
    [
        (TemplateColumn.ServiceArea, [.. taxonomy.Areas.Select(a => a.Name)]),
        (TemplateColumn.ArrangementType, ArrangementTypes),
        (TemplateColumn.Status, ChoiceNormaliser.Statuses),
        (TemplateColumn.Governance, ChoiceNormaliser.Governances),
        (TemplateColumn.DeliveryModel, ChoiceNormaliser.DeliveryModels),
        (TemplateColumn.LeadAuthority, AuthorityNames(register)),
    ];

    public static IReadOnlyList<string> ArrangementTypes { get; } = ["Shared management", "Back office", "Front office"];

    /// <summary>The councils that exist today, by name: the lead authority's list.</summary>
    public static IReadOnlyList<string> AuthorityNames(AuthorityRegister register) =>
        [.. register.Authorities.Where(a => a.IsCouncil && a.ValidTo is null).Select(a => a.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The template's version: a major number and a fingerprint of its columns, headers and lists.</summary>
    public static string Version(ServiceAreaTaxonomy taxonomy)
    {
        var definition = new StringBuilder();
        foreach (var column in TemplateColumns.InTemplate)
        {
            definition.Append(TemplateColumns.DisplayName(column)).Append('|').Append(string.Join(';', HeaderSynonyms.BuiltIn.NamesOf(column))).Append('\n');
        }

        foreach (var (_, values) in Lists(new AuthorityRegister([]), taxonomy))
        {
            definition.Append(string.Join(';', values)).Append('\n');
        }

        return $"{Major}.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(definition.ToString())))[..8]}";
    }

    /// <summary>Worked examples (the Examples sheet), in template column order; they load with no warning.</summary>
    public static IReadOnlyList<object?[]> Examples { get; } =
    [
        ["EX-01", "Shared legal service", "Essex County Council; Brentwood Borough Council", "Essex County Council", "Legal", "Back office",
            "Essex's legal team advises Brentwood under a service agreement.", new DateTime(2011, 4, 1), null, "Live", 40000, 120000,
            "Lead authority", "Shared in-house", null, null],
        ["EX-02", "Joint waste collection", "Kent County Council\nMaidstone Borough Council", "Maidstone Borough Council", "Waste collection", "Front office",
            "One collection contract for both councils.", new DateTime(2014, 10, 1), new DateTime(2024, 9, 30), "Ended", 250000, 2000000,
            "Joint committee", "Commissioning", null, null],
        ["EX-03", "Shared ICT service", "Adur District Council; Worthing Borough Council", "Adur District Council", "ICT", "Back office",
            null, new DateTime(2027, 4, 1), null, "Planned", null, null, "Partnership agreement", "Shared in-house", null, null],
    ];

    public static byte[] Write(AuthorityRegister register, ServiceAreaTaxonomy taxonomy)
    {
        var version = Version(taxonomy);
        using var workbook = new XLWorkbook();
        var data = workbook.AddWorksheet(DataSheet);
        var guidance = workbook.AddWorksheet(GuidanceSheet);
        var examples = workbook.AddWorksheet(ExamplesSheet);
        var lists = workbook.AddWorksheet(ListsSheet);
        workbook.CustomProperties.Add("TemplateVersion", version);

        WriteHeader(data, notes: true);
        WriteHeader(examples, notes: false);
        for (var r = 0; r < Examples.Count; r++)
        {
            for (var c = 0; c < Examples[r].Length; c++)
            {
                SetCell(examples.Cell(r + 2, c + 1), Examples[r][c]);
            }
        }

        WriteLists(data, lists, Lists(register, taxonomy));
        WriteGuidance(guidance, version, Lists(register, taxonomy));
        data.SetTabActive();
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteHeader(IXLWorksheet sheet, bool notes)
    {
        var columns = TemplateColumns.InTemplate;
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var cell = sheet.Cell(1, c + 1);
            cell.SetValue(TemplateColumns.DisplayName(column));
            if (notes)
            {
                cell.Comment.AddText((TemplateColumns.IsRequired(column) ? "Required. " : "") + TemplateColumns.Description(column));
            }

            sheet.Column(c + 1).Width = column switch
            {
                TemplateColumn.Arrangement or TemplateColumn.Partners or TemplateColumn.Description => 40,
                TemplateColumn.LeadAuthority or TemplateColumn.ServiceArea or TemplateColumn.ContactEmail => 28,
                _ => 18,
            };
            if (column is TemplateColumn.StartDate or TemplateColumn.EndDate)
            {
                sheet.Column(c + 1).Style.NumberFormat.Format = "dd/mm/yyyy";
            }
            else if (column is TemplateColumn.AnnualSavings or TemplateColumn.SavingsToDate)
            {
                sheet.Column(c + 1).Style.NumberFormat.Format = "#,##0";
            }
            else if (column is TemplateColumn.Partners or TemplateColumn.Description)
            {
                sheet.Column(c + 1).Style.Alignment.WrapText = true;
            }
        }

        var header = sheet.Range(1, 1, 1, columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = HeaderFill;
        header.Style.Alignment.WrapText = true;
        sheet.SheetView.FreezeRows(1);
    }

    private static void WriteLists(IXLWorksheet data, IXLWorksheet lists, IReadOnlyList<(TemplateColumn Column, IReadOnlyList<string> Values)> values)
    {
        for (var l = 0; l < values.Count; l++)
        {
            var (column, items) = values[l];
            lists.Cell(1, l + 1).SetValue(TemplateColumns.DisplayName(column)).Style.Font.Bold = true;
            lists.Column(l + 1).Width = column == TemplateColumn.LeadAuthority ? 48 : 28;
            for (var i = 0; i < items.Count; i++)
            {
                lists.Cell(i + 2, l + 1).SetValue(items[i]);
            }

            var index = TemplateColumns.InTemplate.ToList().IndexOf(column) + 1;
            var validation = data.Range(2, index, ListedRows + 1, index).SetDataValidation();
            validation.List(lists.Range(2, l + 1, items.Count + 1, l + 1), true);
            // A warning, not a stop: the reader also reads other names for these (a synonym, a council written its own way).
            validation.ErrorStyle = XLErrorStyle.Warning;
            validation.ErrorTitle = "Not in the list";
            validation.ErrorMessage = $"Choose a {TemplateColumns.DisplayName(column).ToLowerInvariant()} from the list if one fits.";
            validation.InputTitle = TemplateColumns.DisplayName(column);
            validation.InputMessage = Shorten(TemplateColumns.Description(column), 250);
        }

        lists.SheetView.FreezeRows(1);
    }

    private static void WriteGuidance(IXLWorksheet sheet, string version, IReadOnlyList<(TemplateColumn Column, IReadOnlyList<string> Values)> lists)
    {
        sheet.Column(1).Width = 24;
        sheet.Column(2).Width = 10;
        sheet.Column(3).Width = 70;
        sheet.Column(4).Width = 40;
        sheet.Column(5).Width = 70;
        sheet.Cell(1, 1).SetValue("Shared services return: how to fill in this template").Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        sheet.Cell(2, 1).SetValue("Template version");
        sheet.Cell(2, 2).SetValue(version);
        sheet.Cell(3, 1).SetValue("One row per arrangement on the Arrangements sheet, headers in row 1. The Guidance, Examples and Lists sheets are not read. Save as .xlsx and send the whole file; send it again whenever something changes.");
        sheet.Range(3, 1, 3, 5).Merge().Style.Alignment.WrapText = true;
        sheet.Row(3).Height = 32;

        string[] headers = ["Column", "Required", "What to write", "Choose from", "Also read under these headers"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(5, c + 1).SetValue(headers[c]);
        }

        var header = sheet.Range(5, 1, 5, headers.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = HeaderFill;
        var r = 6;
        foreach (var column in TemplateColumns.InTemplate)
        {
            var listIndex = lists.Select(l => l.Column).ToList().IndexOf(column);
            sheet.Cell(r, 1).SetValue(TemplateColumns.DisplayName(column));
            sheet.Cell(r, 2).SetValue(TemplateColumns.IsRequired(column) ? "Yes" : "No");
            sheet.Cell(r, 3).SetValue(TemplateColumns.Description(column));
            sheet.Cell(r, 4).SetValue(listIndex < 0 ? "" : $"the list in column {(char)('A' + listIndex)} of the Lists sheet ({lists[listIndex].Values.Count} values)");
            sheet.Cell(r, 5).SetValue(string.Join("; ", HeaderSynonyms.BuiltIn.NamesOf(column)));
            sheet.Range(r, 1, r, headers.Length).Style.Alignment.WrapText = true;
            sheet.Range(r, 1, r, headers.Length).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            r++;
        }
    }

    private static void SetCell(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case DateTime date:
                cell.SetValue(date);
                cell.Style.NumberFormat.Format = "dd/mm/yyyy";
                break;
            case int number:
                cell.SetValue(number);
                break;
            default:
                cell.SetValue(value.ToString());
                break;
        }
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
