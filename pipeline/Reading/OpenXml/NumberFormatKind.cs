namespace SharedServicesPipeline.Pipeline.Reading.OpenXml;

/// <summary>What a cell's number format makes of a number: a number, a date and time, or a duration.</summary>
internal enum NumberFormatKind : byte
{
    Number,
    Date,
    Duration,
}
