#pragma once

namespace moim::test {

// Turns Qt's accessibility on as the AT-SPI bridge does when a screen reader starts, so that
// accessibility events are sent (QAccessible::setActive only tells observers; the platform's
// flag decides). Works on the offscreen platform.
void turnScreenReaderOn(bool on = true);

} // namespace moim::test
