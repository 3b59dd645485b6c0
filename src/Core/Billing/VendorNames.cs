using System.Globalization;
using System.Text;

namespace BackOffice.Core.Billing;

/// <summary>
/// How a vendor's name is matched, so a bill submitted by name finds the vendor already paid however the name is typed:
/// letters and digits only, in lower case, without accents (<c>"ACME  Paper, Ltd."</c>, <c>"acme paper ltd"</c> and
/// <c>"Acmé-Paper Ltd"</c> are one vendor). A tenant has one vendor per key.
/// </summary>
public static class VendorNames
{
    public static string Key(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            if (c is 'ß' or 'ẞ') key.Append("ss");
            else if (char.IsLetterOrDigit(c)) key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString().Normalize(NormalizationForm.FormC);
    }
}
