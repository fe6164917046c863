namespace SharedServicesPipeline.Tests.Support;

/// <summary>When an injected storage fault strikes.</summary>
public enum FaultTiming
{
    /// <summary>The request never reaches storage: nothing happened there.</summary>
    BeforeRequest,

    /// <summary>Storage did it, but the answer was lost (a dropped connection, a process killed mid-call).</summary>
    AfterResponse,
}
