#pragma once

#include <QLabel>

namespace cp {

class StoreSession;

// Says plainly, in the status bar and in a box, that the check made after the window opened found
// the database file damaged and that the window now writes nothing. Hidden until then.
class DamagedFileNotice final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DamagedFileNotice)

public:
    explicit DamagedFileNotice(StoreSession &session, QWidget *parent = nullptr);

private:
    void show(const QString &message);
};

} // namespace cp
