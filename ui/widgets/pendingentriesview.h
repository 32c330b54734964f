#pragma once

#include <QWidget>

class QLabel;
class QTreeView;

namespace cp {

class Outbox;
class PendingEntryModel;

// Above the timeline in team mode: the entries kept on this computer while the server could not
// be reached, under "Pending — not on the server yet", apart from (and unlike) the saved timeline.
// Hidden while nothing waits. Team mode only: a window on a file never makes one.
class PendingEntriesView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PendingEntriesView)

public:
    explicit PendingEntriesView(const Outbox &outbox, QWidget *parent = nullptr);

    void setIncident(qint64 incidentId);
    QTreeView *view() const { return m_view; }
    void retranslateUi();

private:
    void update();

    PendingEntryModel &m_model; // its own
    QLabel *m_heading;
    QTreeView *m_view;
};

} // namespace cp
