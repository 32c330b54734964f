#pragma once

#include <QWidget>

class QLabel;
class QTreeView;

namespace cp {

class IncidentStore;
class MissedModel;
class RollCallModel;

// The shadow view's roll call: the current round (each role, its condition and whether it
// answered), a one-line count, and the Deputy's missed items, longest waiting first. Read-only.
class RollCallPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RollCallPanel)

public:
    explicit RollCallPanel(IncidentStore &store, QWidget *parent = nullptr);

    void setIncident(qint64 incidentId);
    void refreshAges(); // each second
    RollCallModel *roundModel() const { return m_round; }
    MissedModel *missedModel() const { return m_missed; }
    QString summary() const;

    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void refreshSummary();
    void fitRoundColumns();
    int conditionWordWidth() const;

    RollCallModel *m_round;
    MissedModel *m_missed;
    QLabel *m_summary;
    QTreeView *m_roundView;
    QLabel *m_missedTitle;
    QTreeView *m_missedView;
};

} // namespace cp
