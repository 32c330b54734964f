#pragma once

#include <QFont>
#include <QGlyphRun>
#include <QPainter>
#include <QStringList>

namespace cp {

// Page geometry of every paper output, in points (1/72 inch).
namespace paper {
constexpr double Margin = 36;   // half an inch all round
constexpr double TitleH = 24;   // the form's title bar
constexpr double FooterH = 18;  // the footer line
constexpr double Pad = 3;       // inside boxes
constexpr double LabelPt = 6.5; // box labels ("1. Incident Name:")
} // namespace paper

// A line of text with the glyphs it is drawn with, shaped once when the text was broken into lines.
struct TypesetLine
{
    QString text;
    QList<QGlyphRun> glyphs; // in device pixels, from the layout's origin
    QPointF baseline;        // where the line's baseline starts, from the same origin
};
using TypesetText = QList<TypesetLine>;

// One page's drawing helpers. Coordinates are points from the page's top-left corner; the
// painter works in device pixels, so every rectangle is scaled on the way. Text is broken into
// lines here (never by the painter), so a layout can count lines, split a box between pages and
// never clip a word.
class Sheet
{
public:
    Sheet(QPainter &painter, QPaintDevice *device);

    QSizeF page() const { return m_page; }
    QRectF content() const; // between the title bar and the footer
    QPainter &painter() { return m_p; }
    QPaintDevice *device() const { return m_device; }
    QRectF px(const QRectF &r) const;

    // DejaVu Sans without ligatures: a PDF's text layer must say "config", not "conﬁg", or
    // searching and copying fail. Qt 6.4 has no font-feature switch; any letter spacing other
    // than none turns the Latin ligatures off (scripts that need them keep them).
    static QFont font(double points, bool bold = false);

    double lineHeight(const QFont &f) const;
    // The text broken into lines that fit 'width' points: at spaces, and inside a word only when
    // the word alone is wider than the line. '\n' starts a new line; an empty text is no lines.
    QStringList lines(const QString &text, const QFont &f, double width) const;
    // The same lines with their glyphs, for text that is measured first and drawn later (a long
    // table): shaping is most of the cost of a line, and this shapes each line once.
    TypesetText typeset(const QString &text, const QFont &f, double width) const;
    double textHeight(const QString &text, const QFont &f, double width) const;
    QString elided(const QString &text, const QFont &f, double width) const;

    // Text wrapped into 'r' (whatever does not fit is not drawn: callers size 'r' from lines()).
    void text(const QRectF &r, const QString &text, const QFont &f, int flags = Qt::AlignLeft | Qt::AlignTop);
    void drawLines(const QRectF &r, const QStringList &lines, const QFont &f, int align = Qt::AlignLeft);
    // Lines [from, to) of a typeset text, left-aligned from the top of 'r'.
    void drawTypeset(const QRectF &r, const TypesetText &text, qsizetype from, qsizetype to, const QFont &f);
    void frame(const QRectF &r, double width = 0.8);
    void fill(const QRectF &r, const QColor &color);
    void line(const QPointF &a, const QPointF &b, double width = 0.8);
    // A numbered form box: its label along the top, content wrapped below. Returns the content area.
    QRectF box(const QRectF &r, const QString &label, const QString &content = QString(), double points = 9);

    static QColor shade() { return {0xe6, 0xe6, 0xe6}; }

private:
    // Breaks each paragraph into lines; 'glyphs' keeps each line's glyph runs as well.
    TypesetText breakLines(const QString &text, const QFont &f, double width, bool glyphs) const;

    QPainter &m_p;
    QPaintDevice *m_device;
    double m_scale;
    QSizeF m_page;
};

} // namespace cp
