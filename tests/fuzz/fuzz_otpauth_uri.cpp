// otpauth:// URIs come from a scanned image anyone could make: the parser stays bounded and
// strict, and what it accepts builds back to a URI that parses to the same issuer, account and
// secret.
#include "otp/otpauth_uri.h"

#include <cstdint>
#include <cstdlib>

using namespace moim::otp;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    OtpauthUri::Error error = OtpauthUri::Error::None;
    const auto uri = OtpauthUri::parse(text, &error);
    if (!uri) {
        if (error == OtpauthUri::Error::None || OtpauthUri::describe(error).isEmpty())
            std::abort();
        return 0;
    }
    if (uri->secret().size() < 10 || uri->secret().size() > 64 || uri->account().isEmpty())
        std::abort();
    // Built again, it reads back the same, unless percent-encoding made it longer than allowed.
    const QString rebuilt = OtpauthUri::build(uri->issuer(), uri->account(), uri->secret());
    if (rebuilt.size() > OtpauthUri::MaxLength)
        return 0;
    // A slash in the label is a path separator once built again (the label is the URI's path),
    // so names with one are not expected to come back the same.
    if (uri->issuer().contains(u'/') || uri->account().contains(u'/'))
        return 0;
    const auto again = OtpauthUri::parse(rebuilt);
    if (!again || again->secret() != uri->secret() || again->account() != uri->account() ||
        again->issuer() != uri->issuer())
        std::abort();
    return 0;
}
