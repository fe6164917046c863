using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart.Configurations;

internal sealed class CouncilPeerConfiguration : IEntityTypeConfiguration<CouncilPeerEntity>
{
    public void Configure(EntityTypeBuilder<CouncilPeerEntity> builder)
    {
        builder.ToTable("council_peer");
        // The council's key first: the drill-through (and the council view) reads one council's rows by it.
        builder.HasKey(p => new { p.CouncilAuthorityKey, p.PeerAuthorityKey });
        builder.Property(p => p.CouncilCode).HasMaxLength(64);
        builder.Property(p => p.CouncilName).HasMaxLength(200);
        builder.Property(p => p.PeerCode).HasMaxLength(64);
        builder.Property(p => p.PeerName).HasMaxLength(200);
        builder.Property(p => p.Why).HasMaxLength(400);
        builder.HasOne<DimAuthority>().WithMany().HasForeignKey(p => p.CouncilAuthorityKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimAuthority>().WithMany().HasForeignKey(p => p.PeerAuthorityKey).OnDelete(DeleteBehavior.Restrict);
    }
}
