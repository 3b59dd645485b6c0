namespace BackOffice.Portal.SignIn;

/// <summary>Where sign-in may send the browser afterwards: only a path of this site, as ASP.NET's IsLocalUrl decides.</summary>
public static class ReturnUrls
{
    /// <summary><paramref name="returnUrl"/> when it is local ("~/x" becomes "/x"); otherwise the home page.</summary>
    public static string LocalOrHome(string? returnUrl) => IsLocal(returnUrl) ? (returnUrl![0] == '~' ? returnUrl[1..] : returnUrl) : "/";

    /// <summary>
    /// "/" or "~/" not followed by "/" or "\" (which browsers read as another host), with no control character (browsers
    /// drop tabs and line breaks, so "/\t/evil.example" is "//evil.example").
    /// </summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url)) return false;
        ReadOnlySpan<char> rest;
        if (url[0] == '/') rest = url.AsSpan(1);
        else if (url.StartsWith("~/", StringComparison.Ordinal)) rest = url.AsSpan(2);
        else return false;
        if (rest.Length > 0 && rest[0] is '/' or '\\') return false;
        foreach (var c in rest) if (char.IsControl(c)) return false;
        return true;
    }
}
