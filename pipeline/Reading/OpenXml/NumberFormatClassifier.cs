namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>
/// Tells from a number format code whether a number shown with it is a date or a duration, by its tokens as
/// ExcelDataReader's format parser reads them: a section with y, m, d, h, s or g (an era) tokens, AM/PM or A/P outside
/// quotes, escapes and brackets is a date; one with [h], [m] or [s] is a duration; "General" and @ are neither. A date
/// section anywhere makes the format a date (checked before a duration). Where ExcelDataReader's parser gives up
/// (an ASCII letter that is no token, a section mixing a date with General or @, an unclosed quote or bracket) the
/// format is a number, as there; a character outside ASCII (年, 月, 日 in a format saved in a Japanese or Chinese
/// locale) is a literal, as it is to Excel, where ExcelDataReader gave up on the format.
/// </summary>
internal static class NumberFormatClassifier
{
    private const string OneCharacterTokens = "#?,!&%+-$€£0123456789{}():;/.@ ";

    public static NumberFormatKind Classify(string format)
    {
        var position = 0;
        var sawDate = false;
        var sawDuration = false;
        while (position < format.Length || position == 0)
        {
            var section = ClassifySection(format, ref position, out var valid, out var empty);
            if (!valid)
            {
                return NumberFormatKind.Number;
            }

            if (empty)
            {
                break; // ExcelDataReader stops at an empty section
            }

            sawDate |= section == NumberFormatKind.Date;
            sawDuration |= section == NumberFormatKind.Duration;
            if (position >= format.Length)
            {
                break;
            }
        }

        return sawDate ? NumberFormatKind.Date : sawDuration ? NumberFormatKind.Duration : NumberFormatKind.Number;
    }

    // One section, up to and past its ';'.
    private static NumberFormatKind ClassifySection(string format, ref int position, out bool valid, out bool empty)
    {
        bool date = false, duration = false, general = false, text = false, colon = false, any = false;
        valid = true;
        while (position < format.Length)
        {
            var c = format[position];
            if (c is '\\' or '*' or '_')
            {
                position = Math.Min(position + 2, format.Length);
                any = true;
            }
            else if (c is '"' or '[')
            {
                var close = format.IndexOf(c == '"' ? '"' : ']', position + 1);
                if (close < 0)
                {
                    valid = false;
                    break;
                }

                if (c == '[')
                {
                    if (IsElapsedTime(format.AsSpan(position + 1, close - position - 1)))
                    {
                        date = duration = any = true;
                    }
                }
                else
                {
                    any = true;
                }

                position = close + 1;
            }
            else if (c == ';')
            {
                position++;
                break;
            }
            else if (OneCharacterTokens.Contains(c, StringComparison.Ordinal))
            {
                text |= c == '@';
                colon |= c == ':';
                position++;
                any = true;
            }
            else if (Starts(format, position, "e+") || Starts(format, position, "e-"))
            {
                position += 2;
                any = true;
            }
            else if (Starts(format, position, "General"))
            {
                position += "General".Length;
                general = any = true;
            }
            else if (Starts(format, position, "am/pm") || Starts(format, position, "a/p"))
            {
                position += Starts(format, position, "a/p") ? 3 : 5;
                date = any = true;
            }
            else if (char.ToLowerInvariant(c) is 'y' or 'm' or 'd' or 'h' or 's' or 'g')
            {
                while (position < format.Length && format[position] == c)
                {
                    position++;
                }

                date = any = true;
            }
            else if (c > '\x7F')
            {
                position++;
                any = true;
            }
            else
            {
                valid = false;
                break;
            }
        }

        empty = !any;
        // A number section cannot hold a colon (ExcelDataReader's parser gives up on the whole format).
        if ((date && (general || text)) || (general && text) || (colon && !date && !general && !text))
        {
            valid = false;
        }

        return duration ? NumberFormatKind.Duration : date ? NumberFormatKind.Date : NumberFormatKind.Number;
    }

    // [h], [mm], [ss]: elapsed time. ExcelDataReader takes any bracket starting with h, m or s ([Magenta] too) for
    // one, making a magenta number a duration; here the bracket must hold one of those letters only.
    private static bool IsElapsedTime(ReadOnlySpan<char> inside) =>
        inside.Length > 0 && char.ToLowerInvariant(inside[0]) is 'h' or 'm' or 's'
        && inside.ToString().ToLowerInvariant().TrimStart(char.ToLowerInvariant(inside[0])).Length == 0;

    private static bool Starts(string format, int position, string token) =>
        format.AsSpan(position).StartsWith(token, StringComparison.OrdinalIgnoreCase);
}
