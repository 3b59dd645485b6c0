using Azure.Storage.Blobs;
using BackOffice.Blobs.Azure;
using BackOffice.Blobs.Azure.DataProtection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Blobs.Tests;

/// <summary>The Data Protection key ring in one blob on Azurite: what several instances of the platform share in Azure.</summary>
public sealed class AzureBlobKeyRingTests
{
    private readonly BlobClient _blob = new(AzureBlobStoreTests.Azurite, $"keys-{Guid.NewGuid():N}", "keys.xml");

    [Fact]
    public void ANewRing_IsEmpty_UntilItsFirstKey_EvenWithoutItsContainer()
    {
        var ring = new AzureBlobKeyRing(_blob);

        var before = ring.GetAllElements();
        ring.StoreElement(new System.Xml.Linq.XElement("key", new System.Xml.Linq.XAttribute("id", "1")), "1");

        Assert.Empty(before);
        Assert.Equal(["1"], ring.GetAllElements().Select(k => (string)k.Attribute("id")!));
    }

    [Fact]
    public async Task TwoInstancesAddingKeysAtOnce_LoseNone()
    {
        var instances = new[] { new AzureBlobKeyRing(_blob), new AzureBlobKeyRing(_blob) };

        await Task.WhenAll(instances.Select((ring, i) => Task.Run(() =>
        {
            for (var k = 0; k < 15; k++) ring.StoreElement(new System.Xml.Linq.XElement("key", new System.Xml.Linq.XAttribute("id", $"{i}-{k}")), $"{i}-{k}");
        })));

        var ids = instances[0].GetAllElements().Select(k => (string)k.Attribute("id")!).ToList();
        Assert.Equal(30, ids.Count);
        Assert.Equal(30, ids.Distinct().Count());
    }

    [Fact]
    public void WhatOneInstanceProtects_AnotherReads()
    {
        var first = Provider();
        var second = Provider();

        var cookie = first.CreateProtector("cookies").Protect("signed in as Ada");

        Assert.Equal("signed in as Ada", second.CreateProtector("cookies").Unprotect(cookie));
    }

    private IDataProtectionProvider Provider()
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("BackOffice");
        services.PersistKeysToAzureBlob(_blob);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }
}
