#pragma once

#include <QTimer>
#include <QWidget>

class QAction;
class QButtonGroup;
class QLabel;
class QSlider;
class QToolButton;

namespace cp {

class Clock;
class IncidentStore;
class ReplayEngine;
class ShadowWindow;
class TraineeNotes;

// The controls under a replay's shadow view: play/pause (Space), step to the next event (→),
// speed 1×, 10× or 60× (keys 1, 2, 3), a slider to jump to any moment (Home: the start), and the
// replayed time. Drives the engine with a 100 ms tick while playing.
class ReplayBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayBar)

public:
    explicit ReplayBar(ReplayEngine &engine, QWidget *parent = nullptr);

    static constexpr int TickMs = 100;

    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;

private:
    void togglePlay();
    void setSpeed(int factor);
    void showPosition();
    void jumpToSlider();

    ReplayEngine &m_engine;
    QToolButton *m_play;
    QToolButton *m_step;
    QToolButton *m_start;
    QList<QToolButton *> m_speeds;
    QButtonGroup *m_speedGroup;
    QSlider *m_slider;
    QLabel *m_position;
    QLabel *m_problems;
    QTimer m_ticker;
};

// Opens a replay of a resolved incident of 'source' in its own shadow window (the engine lives
// as long as the window). Null, with the reason in *error, when it cannot be replayed.
ShadowWindow *openReplayWindow(const IncidentStore &source, const Clock &clock, TraineeNotes *notes, qint64 incidentId,
                               QWidget *parent, QString *error);

} // namespace cp
