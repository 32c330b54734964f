#pragma once

#include <QObject>

#include <memory>

class QAction;
class QWidget;

namespace cp {

class Clock;
class IncidentStore;
class ShadowWindow;
class TraineeNotes;

// View ▸ Shadow view (F8): the read-only, large-type view of the incident shown, on the second
// screen when there is one, following the console's incident; and View ▸ Replay for training
// (Ctrl+Alt+R) of a resolved incident. Both share the trainee's notebook, opened on first use.
class ShadowActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShadowActions)

public:
    ShadowActions(IncidentStore &store, const Clock &clock, QWidget &window);
    ~ShadowActions() override;

    // The incident the console shows: an open shadow view follows it.
    void setIncident(qint64 incidentId);

    void showShadowView();
    void replayIncident();
    ShadowWindow *shadowWindow() const { return m_shadow; }

    QAction *shadowAction() const { return m_shadowAction; }
    QAction *replayAction() const { return m_replayAction; }

    void retranslateUi();

signals:
    void message(const QString &text, int timeoutMs);

private:
    TraineeNotes *traineeNotes();

    IncidentStore &m_store;
    const Clock &m_clock;
    QWidget &m_window;
    qint64 m_incidentId = 0;
    QAction *m_shadowAction;
    QAction *m_replayAction;
    ShadowWindow *m_shadow = nullptr;
    std::unique_ptr<TraineeNotes> m_notes;
};

} // namespace cp
