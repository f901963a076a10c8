#pragma once

#include <QWidget>

namespace moim::ui {

// Draws a QR code (qrcodegen) with its 4-module quiet zone, centred and as large as fits, on
// whole device pixels so that it stays crisp at any device pixel ratio. Always dark on light,
// also in the dark theme: that is what cameras read best.
class QrCodeView : public QWidget
{
    Q_OBJECT

public:
    explicit QrCodeView(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    // Greys the code out (e.g. while a new one is on its way) without removing it.
    void setDimmed(bool dimmed);
    // Modules per side including the quiet zone; 0 when there is no code.
    int moduleCount() const { return m_size == 0 ? 0 : m_size + 2 * QuietZone; }

    // The code as an image with `modulePixels` pixels per module (tests and the benchmark).
    static QImage render(const QString &text, int modulePixels);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    static constexpr int QuietZone = 4;

    QString m_text;
    std::vector<bool> m_modules; // row-major, m_size × m_size
    int m_size = 0;
    bool m_dimmed = false;
};

} // namespace moim::ui
