using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart.Configurations;

internal sealed class BridgeArrangementPartnerConfiguration : IEntityTypeConfiguration<BridgeArrangementPartner>
{
    public void Configure(EntityTypeBuilder<BridgeArrangementPartner> builder)
    {
        builder.ToTable("bridge_arrangement_partner");
        builder.HasKey(p => new { p.ArrangementKey, p.AuthorityKey });
        builder.HasOne<DimAuthority>().WithMany().HasForeignKey(p => p.AuthorityKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.AuthorityKey);
    }
}
