#pragma once

#include <QDialog>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace cp {

class IncidentListModel;

// Ctrl+K: type to narrow the incidents down (number, severity, status, kind, title words),
// Up/Down to pick, Enter to open.
class IncidentSwitcherDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentSwitcherDialog)

public:
    explicit IncidentSwitcherDialog(IncidentListModel &model, QWidget *parent = nullptr);

    void setFilterText(const QString &text);
    int visibleCount() const;
    qint64 selectedIncidentId() const;

    void accept() override;

signals:
    void incidentChosen(qint64 incidentId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void selectFirst();

    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_view;
};

} // namespace cp
