import { PlaybackBar } from '../playback/PlaybackBar';

/** The player's playback: the playback bar without the broker menu (the player does not edit). */
export function PlayerControls() {
  return <PlaybackBar brokerMenu={false} />;
}
