using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart.Configurations;

internal sealed class CouncilNeighbourConfiguration : IEntityTypeConfiguration<CouncilNeighbourEntity>
{
    public void Configure(EntityTypeBuilder<CouncilNeighbourEntity> builder)
    {
        builder.ToTable("council_neighbour");
        // The council's key first: the drill-through (and the council view) reads one council's rows by it.
        builder.HasKey(n => new { n.CouncilAuthorityKey, n.NeighbourAuthorityKey });
        builder.Property(n => n.CouncilCode).HasMaxLength(64);
        builder.Property(n => n.CouncilName).HasMaxLength(200);
        builder.Property(n => n.NeighbourCode).HasMaxLength(64);
        builder.Property(n => n.NeighbourName).HasMaxLength(200);
        builder.Property(n => n.Why).HasMaxLength(200);
        builder.HasOne<DimAuthority>().WithMany().HasForeignKey(n => n.CouncilAuthorityKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimAuthority>().WithMany().HasForeignKey(n => n.NeighbourAuthorityKey).OnDelete(DeleteBehavior.Restrict);
    }
}
