using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SharedServicesPipeline.Pipeline.Reading;
using SharedServicesPipeline.Pipeline.Validation;

namespace SharedServicesPipeline.Pipeline.Reporting;

/// <summary>
/// Builds a return's <see cref="ArrangementSnapshot"/> as its rows stream past. An arrangement is known by the
/// submitter's reference when it has one, else by its title (case, spaces and punctuation aside): what a council keeps
/// the same from one return to the next, while row numbers move as rows are added and removed.
/// </summary>
public sealed class ArrangementSnapshotCollector
{
    private readonly List<SubmittedArrangement> _arrangements = [];
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _leads = new(StringComparer.Ordinal);

    public IReadOnlyList<SubmittedArrangement> Arrangements => _arrangements;

    public IReadOnlyCollection<string> LeadAuthorities => _leads;

    /// <summary>The (sheet, first row) → key of every arrangement, for matching problems across returns.</summary>
    public static Dictionary<(string Sheet, int Row), string> KeysByRow(IEnumerable<SubmittedArrangement> arrangements)
    {
        var keys = new Dictionary<(string, int), string>();
        foreach (var a in arrangements)
        {
            keys.TryAdd((a.Sheet, a.Row), a.Key);
        }

        return keys;
    }

    public void Add(SubmissionRow row, RowVerdict verdict)
    {
        var title = verdict.Record?.Title ?? row.Text(TemplateColumn.Arrangement)?.Trim() ?? "";
        var key = KeyOf(row.Text(TemplateColumn.Reference), title, row);
        var seen = _keys.TryGetValue(key, out var count) ? count + 1 : 1;
        _keys[key] = seen;
        if (seen > 1)
        {
            key = string.Create(CultureInfo.InvariantCulture, $"{key}#{seen}");
        }

        var fields = verdict.Record is { } record ? FieldsOf(record) : new Dictionary<string, string>();
        if (verdict.Record?.Lead is { } lead)
        {
            _leads.Add(lead.Code);
        }

        _arrangements.Add(new SubmittedArrangement(key, title, row.Sheet, row.RowNumber, verdict.Outcome, fields));
    }

    private static string KeyOf(string? reference, string title, SubmissionRow row)
    {
        if (HeaderSynonyms.Key(reference) is { Length: > 0 } byReference)
        {
            return "ref:" + byReference;
        }

        return HeaderSynonyms.Key(title) is { Length: > 0 } byTitle
            ? "title:" + byTitle
            : string.Create(CultureInfo.InvariantCulture, $"row:{row.Sheet}!{row.RowNumber}");
    }

    /// <summary>The values that loaded, named as the template names its columns; blanks left out.</summary>
    internal static Dictionary<string, string> FieldsOf(ArrangementRecord record)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        void Field(TemplateColumn column, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                fields[TemplateColumns.DisplayName(column)] = value;
            }
        }

        Field(TemplateColumn.Reference, record.Reference);
        Field(TemplateColumn.Arrangement, record.Title);
        Field(TemplateColumn.Partners, string.Join("; ", record.Partners.Select(p => p.Name).Order(StringComparer.Ordinal)));
        Field(TemplateColumn.LeadAuthority, record.Lead?.Name);
        Field(TemplateColumn.ServiceArea, record.ServiceArea.Name);
        Field(TemplateColumn.ArrangementType, record.Category);
        // A fingerprint: enough to tell a changed description, without keeping up to 4,000 characters per arrangement.
        Field(TemplateColumn.Description, record.Description is null ? null : "#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record.Description)))[..12]);
        Field(TemplateColumn.StartDate, record.StartDate is { } start ? start.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + (record.StartDateIsApproximate ? " (approximate)" : "") : null);
        Field(TemplateColumn.EndDate, record.EndDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        Field(TemplateColumn.Status, record.Status);
        Field(TemplateColumn.AnnualSavings, Money(record.AnnualSavings));
        Field(TemplateColumn.SavingsToDate, Money(record.SavingsToDate));
        Field(TemplateColumn.Governance, record.Governance);
        Field(TemplateColumn.DeliveryModel, record.DeliveryModel);
        return fields;
    }

    private static string? Money(decimal? value) => value?.ToString("£#,0.##", CultureInfo.InvariantCulture);
}
