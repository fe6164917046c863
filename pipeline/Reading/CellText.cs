using System.Globalization;

namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>Renders a raw cell value as the text a person sees in the cell.</summary>
public static class CellText
{
    public static string? Of(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
            double d => d.ToString(CultureInfo.InvariantCulture),
            DateTime dt => dt.TimeOfDay == TimeSpan.Zero
                ? dt.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
                : dt.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
            bool b => b ? "TRUE" : "FALSE",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
