#pragma once

#include "domain/timer.h"

#include <QColor>
#include <QSet>
#include <QStyledItemDelegate>

namespace cp {

// Paints the timer board: the remaining column large and bold (a countdown, "+overdue" counting
// up, or a stopwatch's elapsed time), the row tinted amber when due soon and red when expired,
// greyed when paused, acknowledged or cancelled. A flashing row (just expired) alternates
// between a strong red and its normal tint.
class TimerDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimerDelegate)

public:
    explicit TimerDelegate(QObject *parent = nullptr);

    void setFlashing(const QSet<qint64> &timerIds, bool lit);
    // How much larger than the row's type the remaining time is drawn (1.6 by default).
    void setRemainingScale(qreal scale) { m_remainingScale = scale; }
    // The narrowest time the column makes room for before any is shown ("+00:00:00" by default).
    void setShortestRemaining(const QString &text) { m_shortestRemaining = text; }
    QFont remainingFont(const QFont &base) const;
    // The width the remaining column needs to show text whole in a view of that font.
    int remainingWidth(const QFont &base, const QString &text) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QSet<qint64> m_flashing;
    bool m_lit = false;
    qreal m_remainingScale = 1.6;
    QString m_shortestRemaining = QStringLiteral("+00:00:00");
};

} // namespace cp
