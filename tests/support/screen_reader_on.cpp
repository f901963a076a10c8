#include "screen_reader_on.h"

#include <private/qguiapplication_p.h>
#include <qpa/qplatformaccessibility.h>
#include <qpa/qplatformintegration.h>

namespace moim::test {

void turnScreenReaderOn(bool on)
{
    if (QPlatformAccessibility *accessibility =
            QGuiApplicationPrivate::platformIntegration()->accessibility())
        accessibility->setActive(on);
}

} // namespace moim::test
