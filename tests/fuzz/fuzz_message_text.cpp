// The text of a message, from anyone: the links the client finds lie inside it, in order, never
// overlap, and open only http or https.
#include "chat/text_link.h"

#include <QString>
#include <cstdint>
#include <cstdlib>

using namespace moim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    qsizetype previousEnd = 0;
    for (const TextLink &link : TextLink::findAll(text)) {
        if (link.start < previousEnd || link.length <= 0 || link.start + link.length > text.size())
            std::abort();
        const QString scheme = link.url.scheme();
        if (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https"))
            std::abort();
        if (!link.url.isValid() || link.url.host().isEmpty())
            std::abort();
        previousEnd = link.start + link.length;
    }
    return 0;
}
