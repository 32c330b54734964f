#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

namespace cp {

// Paints a TimelineModel row: a coloured chip per kind, a star on key events, a marker on
// backfilled times, "edited" on amended entries and struck-through grey text on retracted ones.
class TimelineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineDelegate)

public:
    explicit TimelineDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // Width the kind column needs for its widest chip.
    int kindColumnWidth(const QFont &font) const;
    int timeColumnWidth(const QFont &font) const;
    // An entry's text wraps onto up to this many lines (the last one elided) instead of being cut
    // at the column's edge; the view must not use uniform row heights then. One by default.
    void setTextLines(int lines) { m_textLines = qMax(1, lines); }
    int textLines() const { return m_textLines; }
    // The kind chips' type against the row's (0.9 by default).
    void setChipScale(qreal scale) { m_chipScale = scale; }

private:
    void paintTime(QPainter *painter, QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintKind(QPainter *painter, QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintText(QPainter *painter, QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintBackground(QPainter *painter, QStyleOptionViewItem &option) const;
    QColor textColor(const QStyleOptionViewItem &option, bool retracted) const;
    QStringList textLinesFor(const QString &text, const QFont &font, int width) const;
    int textColumnLines(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    int markerWidth(const QFont &base, const QModelIndex &index) const;
    static QFont markerFont(const QFont &base);

    QIcon m_keyIcon;
    QIcon m_backfillIcon;
    QIcon m_editedIcon;
    int m_textLines = 1;
    qreal m_chipScale = 0.9;
};

} // namespace cp
