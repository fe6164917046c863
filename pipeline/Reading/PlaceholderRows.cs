namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// Rows under a header that are part of the form, not arrangements: the template's worked example ("e.g. Shared ICT
/// service") and a row numbering the columns (1, 2, 3 …). Neither is read as an arrangement.
/// </summary>
internal static class PlaceholderRows
{
    private static readonly string[] ExampleMarkers = ["e.g.", "e.g ", "eg.", "eg ", "eg:", "example:", "example -", "example –", "for example", "(example)", "[example]"];

    /// <summary>True when the title, or at least two of the row's template cells, start like an example ("e.g. …").</summary>
    public static bool IsExample(SubmissionRow row)
    {
        if (row.Text(TemplateColumn.Arrangement) is { } title)
        {
            return IsExampleText(title);
        }

        var examples = 0;
        foreach (var column in row.Layout.Columns)
        {
            if (row.Text(column) is { } text && IsExampleText(text) && ++examples >= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a row of at least three whole numbers 1, 2, 3 … rising from left to right, and nothing else.</summary>
    public static bool IsColumnNumbers(object?[] cells)
    {
        var count = 0;
        var last = 0d;
        foreach (var cell in cells)
        {
            double number;
            switch (cell)
            {
                case null:
                    continue;
                case double d:
                    number = d;
                    break;
                case string s when double.TryParse(s.Trim('(', ')', '.', ' '), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed):
                    number = parsed;
                    break;
                default:
                    return false;
            }

            if (number != Math.Floor(number) || number < 1 || number > 500 || number <= last)
            {
                return false;
            }

            last = number;
            count++;
        }

        return count >= 3;
    }

    private static bool IsExampleText(string text)
    {
        if (text.Equals("example", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var marker in ExampleMarkers)
        {
            if (text.StartsWith(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
