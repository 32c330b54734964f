#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace cp {

// Paints the roll-call grid and the missed list: the Condition cell filled with the condition's
// colour (green healthy, amber degraded, red down, grey unknown), missed rows in bold red, skipped
// rows greyed. Reads the models' roles; the models stay colourless.
class RollCallDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RollCallDelegate)

public:
    // conditionColumn: the column filled with the condition colour; -1: none (the missed list).
    explicit RollCallDelegate(int conditionColumn, QObject *parent = nullptr);

    // In a tree view that wraps its text, a row is as tall as its texts wrapped in their columns
    // (QTreeView asks without the column's width); the colour-filled condition keeps to one line.
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_conditionColumn;
};

} // namespace cp
