// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {OwnedWallet} from "./OwnedWallet.sol";

/// @title Creates OwnedWallets at addresses known before they exist (CREATE2), as ERC-4337 account factories do.
/// @notice A wallet can sign before it is deployed: its signatures are wrapped per EIP-6492 with this factory's
/// address and the `createWallet` calldata, so a verifier can deploy it in a simulation and then ask it.
contract WalletFactory {
    event WalletCreated(address indexed wallet, address indexed owner, bytes32 salt);

    /// @notice Deploys the wallet of `owner` for `salt`, or returns it when it already exists.
    function createWallet(address owner, bytes32 salt) external returns (address wallet) {
        wallet = walletAddress(owner, salt);
        if (wallet.code.length > 0) return wallet;
        new OwnedWallet{salt: salt}(owner);
        emit WalletCreated(wallet, owner, salt);
    }

    /// @notice The address `createWallet(owner, salt)` deploys to, whether or not it is deployed yet.
    function walletAddress(address owner, bytes32 salt) public view returns (address) {
        bytes32 initCodeHash = keccak256(abi.encodePacked(type(OwnedWallet).creationCode, abi.encode(owner)));
        return address(uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), address(this), salt, initCodeHash)))));
    }
}
