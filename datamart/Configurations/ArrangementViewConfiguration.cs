using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart.Configurations;

// The view itself is created by the migrations (MartViews), per provider.
internal sealed class ArrangementViewConfiguration : IEntityTypeConfiguration<ArrangementView>
{
    public void Configure(EntityTypeBuilder<ArrangementView> builder)
    {
        builder.ToView(MartViews.Arrangement);
        builder.HasNoKey();
        builder.Property(a => a.AnnualSavingsGbp).HasPrecision(18, 2);
        builder.Property(a => a.SavingsToDateGbp).HasPrecision(18, 2);
    }
}
