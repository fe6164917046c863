namespace SharedServicesPipeline.Pipeline.Validation;

/// <summary>
/// The longest text each field of an arrangement may hold, defined once: the validator refuses or shortens to these,
/// and the mart's columns are sized from them (datamart/Configurations), so the two cannot drift.
/// </summary>
public static class ArrangementLimits
{
    public const int Title = 400;
    public const int Reference = 100;
    public const int Description = 4000;
    public const int Status = 40;
    public const int Governance = 200;
    public const int DeliveryModel = 200;
    public const int Category = 30;
}
