namespace SharedServicesPipeline.Tests.Fuzz;

/// <summary>One hand-written hostile shape: its label and how to make its bytes (only when the case is run).</summary>
internal sealed record FuzzShape(string Label, Func<byte[]> Make);
