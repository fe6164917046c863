using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart.Configurations;

internal sealed class CouncilOpportunityConfiguration : IEntityTypeConfiguration<CouncilOpportunityEntity>
{
    public void Configure(EntityTypeBuilder<CouncilOpportunityEntity> builder)
    {
        builder.ToTable("council_opportunity");
        // The council's key first: the drill-through (and the council view) reads one council's rows by it.
        builder.HasKey(o => new { o.CouncilAuthorityKey, o.ServiceAreaKey });
        builder.Property(o => o.CouncilCode).HasMaxLength(64);
        builder.Property(o => o.CouncilName).HasMaxLength(200);
        builder.Property(o => o.ServiceArea).HasMaxLength(200);
        builder.Property(o => o.Category).HasMaxLength(30);
        builder.Property(o => o.WhoShares).HasMaxLength(1200);
        builder.Property(o => o.WhoSharesCodes).HasMaxLength(400);
        builder.Property(o => o.ExampleArrangementIds).HasMaxLength(200);
        builder.Property(o => o.ExampleAnnualSavingsGbp).HasPrecision(18, 2);
        builder.HasOne<DimAuthority>().WithMany().HasForeignKey(o => o.CouncilAuthorityKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimServiceArea>().WithMany().HasForeignKey(o => o.ServiceAreaKey).OnDelete(DeleteBehavior.Restrict);
    }
}
