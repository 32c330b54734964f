#include "sheet.h"

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QTextLayout>

namespace cp {

using namespace paper;

Sheet::Sheet(QPainter &painter, QPaintDevice *device)
    : m_p(painter), m_device(device), m_scale(device->logicalDpiX() / 72.0),
      m_page(device->width() / m_scale, device->height() / m_scale)
{
}

QRectF Sheet::content() const
{
    return {Margin, Margin + TitleH + 4, m_page.width() - 2 * Margin,
            m_page.height() - 2 * Margin - TitleH - FooterH - 8};
}

QRectF Sheet::px(const QRectF &r) const
{
    return {r.x() * m_scale, r.y() * m_scale, r.width() * m_scale, r.height() * m_scale};
}

QFont Sheet::font(double points, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setLetterSpacing(QFont::PercentageSpacing, 100.001);
    return f;
}

double Sheet::lineHeight(const QFont &f) const
{
    return QFontMetricsF(f, m_device).lineSpacing() / m_scale;
}

TypesetText Sheet::breakLines(const QString &text, const QFont &f, double width, bool glyphs) const
{
    TypesetText out;
    if (text.isEmpty())
        return out;
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    const QFontMetricsF metrics(f, m_device);
    const double limit = qMax(1.0, width * m_scale);
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        if (paragraph.trimmed().isEmpty()) {
            out << TypesetLine{};
            continue;
        }
        // Most cells of a long table are one short line: measured, not laid out (a layout costs
        // several times as much). Near the limit the layout decides, as it always did. A line
        // to be drawn later is laid out anyway: the layout's glyphs are what is drawn.
        if (!glyphs && metrics.horizontalAdvance(paragraph) < limit - 1) {
            out << TypesetLine{paragraph.trimmed(), {}, {}};
            continue;
        }
        QTextLayout layout(paragraph, f, m_device);
        layout.setTextOption(option);
        layout.setCacheEnabled(glyphs); // or endLayout() drops the glyphs
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine())
            line.setLineWidth(limit);
        layout.endLayout();
        for (int i = 0; i < layout.lineCount(); ++i) {
            const QTextLine line = layout.lineAt(i);
            TypesetLine typeset{paragraph.mid(line.textStart(), line.textLength()).trimmed(), {}, {}};
            if (glyphs) {
                typeset.glyphs = line.glyphRuns();
                typeset.baseline = line.position() + QPointF(0, line.ascent());
            }
            out << typeset;
        }
    }
    return out;
}

QStringList Sheet::lines(const QString &text, const QFont &f, double width) const
{
    QStringList out;
    for (const TypesetLine &line : breakLines(text, f, width, false))
        out << line.text;
    return out;
}

TypesetText Sheet::typeset(const QString &text, const QFont &f, double width) const
{
    return breakLines(text, f, width, true);
}

double Sheet::textHeight(const QString &text, const QFont &f, double width) const
{
    return lines(text, f, width).size() * lineHeight(f);
}

QString Sheet::elided(const QString &text, const QFont &f, double width) const
{
    return QFontMetricsF(f, m_device).elidedText(text, Qt::ElideRight, width * m_scale);
}

void Sheet::text(const QRectF &r, const QString &text, const QFont &f, int flags)
{
    if (flags & Qt::AlignVCenter) { // a one-line label centred in a bar
        m_p.save();
        m_p.setFont(f);
        m_p.setPen(Qt::black);
        m_p.drawText(px(r), flags, text);
        m_p.restore();
        return;
    }
    const int align = flags & Qt::AlignHorizontal_Mask;
    if (align == Qt::AlignLeft || align == 0) { // shaped once: broken into lines and drawn from one layout
        const TypesetText set = typeset(text, f, r.width());
        drawTypeset(r, set, 0, set.size(), f);
        return;
    }
    drawLines(r, lines(text, f, r.width()), f, align);
}

void Sheet::drawLines(const QRectF &r, const QStringList &lines, const QFont &f, int align)
{
    if (lines.isEmpty())
        return;
    const QFontMetricsF metrics(f, m_device);
    const double h = metrics.lineSpacing() / m_scale;
    m_p.save();
    m_p.setFont(f);
    m_p.setPen(Qt::black);
    double y = r.y();
    for (const QString &line : lines) {
        if (y + h > r.bottom() + 0.5)
            break;
        const QRectF at = px(QRectF(r.x(), y, r.width(), h));
        if (align == Qt::AlignLeft || align == 0) {
            // A line from lines() fits its width: drawn at its baseline, without the text layout that
            // drawText() into a rectangle makes for every call (a long table has thousands).
            m_p.drawText(QPointF(at.x(), at.y() + metrics.ascent()), line);
        } else {
            m_p.drawText(at, align | Qt::AlignTop | Qt::TextSingleLine, line);
        }
        y += h;
    }
    m_p.restore();
}

void Sheet::drawTypeset(const QRectF &r, const TypesetText &text, qsizetype from, qsizetype to, const QFont &f)
{
    const QFontMetricsF metrics(f, m_device);
    const double h = metrics.lineSpacing() / m_scale;
    // A glyph run carries no characters: a device that records text rather than drawing it (a
    // test's) gets the lines' text. A PDF (a file or a printer's) takes its text from the font.
    const bool glyphs = m_p.paintEngine() && m_p.paintEngine()->type() == QPaintEngine::Pdf;
    m_p.save();
    m_p.setPen(Qt::black);
    if (!glyphs)
        m_p.setFont(f);
    double y = r.y();
    for (qsizetype i = from; i < to && i < text.size(); ++i) {
        if (y + h > r.bottom() + 0.5)
            break;
        // On the baseline drawLines() puts a line on.
        const TypesetLine &line = text.at(i);
        if (!glyphs) {
            m_p.drawText(QPointF(r.x() * m_scale, y * m_scale + metrics.ascent()), line.text);
        } else {
            const QPointF at(r.x() * m_scale - line.baseline.x(), y * m_scale + metrics.ascent() - line.baseline.y());
            for (const QGlyphRun &run : line.glyphs)
                m_p.drawGlyphRun(at, run);
        }
        y += h;
    }
    m_p.restore();
}

void Sheet::frame(const QRectF &r, double width)
{
    m_p.save();
    m_p.setPen(QPen(Qt::black, width * m_scale));
    m_p.setBrush(Qt::NoBrush);
    m_p.drawRect(px(r));
    m_p.restore();
}

void Sheet::fill(const QRectF &r, const QColor &color)
{
    m_p.fillRect(px(r), color);
}

void Sheet::line(const QPointF &a, const QPointF &b, double width)
{
    m_p.save();
    m_p.setPen(QPen(Qt::black, width * m_scale));
    m_p.drawLine(QPointF(a.x() * m_scale, a.y() * m_scale), QPointF(b.x() * m_scale, b.y() * m_scale));
    m_p.restore();
}

QRectF Sheet::box(const QRectF &r, const QString &label, const QString &content, double points)
{
    frame(r);
    text(QRectF(r.x() + Pad, r.y() + 1.5, r.width() - 2 * Pad, 10), label, font(LabelPt, true));
    const QRectF inner(r.x() + Pad + 1, r.y() + 11, r.width() - 2 * Pad - 2, r.height() - 12);
    if (!content.isEmpty())
        text(inner, content, font(points));
    return inner;
}

} // namespace cp
