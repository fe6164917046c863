using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart.Configurations;

// The view itself is created by the migrations (MartViews), per provider.
internal sealed class CouncilSharingViewConfiguration : IEntityTypeConfiguration<CouncilSharingView>
{
    public void Configure(EntityTypeBuilder<CouncilSharingView> builder)
    {
        builder.ToView(MartViews.CouncilSharing);
        builder.HasNoKey();
    }
}
