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

private:
    void paintTime(QPainter *painter, QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintKind(QPainter *painter, QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintText(QPainter *painter, QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintBackground(QPainter *painter, QStyleOptionViewItem &option) const;
    QColor textColor(const QStyleOptionViewItem &option, bool retracted) const;

    QIcon m_keyIcon;
    QIcon m_backfillIcon;
    QIcon m_editedIcon;
};

} // namespace cp
