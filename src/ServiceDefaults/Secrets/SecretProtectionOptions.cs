namespace BackOffice.ServiceDefaults.Secrets;

/// <summary>Configuration section "DataProtection".</summary>
public sealed record SecretProtectionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>
    /// Where the key ring is kept; relative paths are taken from the content root. By default a "keys" folder in the
    /// SQLite data folder, so the keys travel with the data they decrypt. Every host of one platform must share it.
    /// </summary>
    public string? KeysFolder { get; init; }

    public string ApplicationName { get; init; } = "BackOffice";

    /// <summary>The blob holding the key ring every instance shares (Azure); when set, <see cref="KeysFolder"/> is not used.</summary>
    public Uri? BlobUri { get; init; }

    /// <summary>
    /// A certificate (base64 PKCS#12, as Key Vault hands out a certificate's secret) whose key encrypts every key of the
    /// ring before it is stored: whoever can read the folder or blob still cannot use the keys.
    /// </summary>
    public string? Certificate { get; init; }
}
